package fr.certiflow.campaign;

public enum CampaignStatus {
    DRAFT, LAUNCHED, CLOSED, RESULTS_PUBLISHED
}
