package org.sectormap.shared;

/**
 * How many interviews are recorded for an organisation, for the register, which may not drop the
 * interview fields those interviews set (a status other than interviewed would) without knowing.
 */
public interface RecordedInterviews {

    long of(long organisationId);
}
