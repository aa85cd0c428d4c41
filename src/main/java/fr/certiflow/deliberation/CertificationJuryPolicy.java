package fr.certiflow.deliberation;

/**
 * What the certifier's règlement requires of a campaign's certification jury.
 *
 * @param minimumMembers members the jury must count when designated, its president included
 * @param quorum members who must be present for the jury to decide
 * @param source the règlement that says so, as documents cite it (« Règlement de certification MMDC v1 »)
 */
public record CertificationJuryPolicy(int minimumMembers, int quorum, String source) {
}
