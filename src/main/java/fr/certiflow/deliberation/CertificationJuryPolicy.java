package fr.certiflow.deliberation;

/**
 * What the certifier's règlement requires of a campaign's certification jury.
 *
 * @param minimumMembers members the jury must count when designated, its president included
 * @param quorum members who must be present for the jury to decide
 * @param chair who chairs it, as the règlement says (« un président de jury du jury de la campagne »)
 * @param awardRule when it proposes the certification, as the règlement says (« tous ses blocs acquis »)
 * @param source the règlement that says so, as documents cite it (« Règlement de certification MMDC v1 »)
 */
public record CertificationJuryPolicy(int minimumMembers, int quorum, String chair, String awardRule, String source) {

    /** What the jury's form states: who sits, who chairs, the quorum and when the certification is proposed. */
    public String describe() {
        return "Selon le " + source + ", le jury de certification compte au moins " + minimumMembers
                + " membres du jury de la campagne ; il est présidé par " + chair + ", qui en est membre ; il délibère "
                + "lorsqu'au moins " + quorum + " de ses membres sont présents. La certification est proposée au "
                + "candidat qui a " + awardRule + " (validés lors de cette campagne, ou acquis lors d'une session "
                + "antérieure et toujours valables).";
    }
}
