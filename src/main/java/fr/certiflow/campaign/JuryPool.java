package fr.certiflow.campaign;

/**
 * What a campaign needs to know of its jury pool, kept by the jury module (which implements it): a campaign launches
 * only with a juror, and its view shows how many it has.
 */
public interface JuryPool {

    long jurorCount(Long campaignId);
}
