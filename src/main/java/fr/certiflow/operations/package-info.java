/**
 * What operators watch: health indicators for the readiness probe (database, job executor, référentiels) and
 * Certiflow's own metrics for Prometheus. Endpoints and who may read them: {@code fr.certiflow.identity.ActuatorSecurity}.
 */
package fr.certiflow.operations;
