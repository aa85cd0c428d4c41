package fr.certiflow.campaign;

/** How the candidate prepared the certification. */
public enum Pathway {
    FORMATION, VAE
}
