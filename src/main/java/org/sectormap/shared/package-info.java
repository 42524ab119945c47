/**
 * What every feature uses to read input and to show it, depending on no feature: {@link
 * org.sectormap.shared.Input} (the one way input is checked), {@link org.sectormap.shared.Problem},
 * {@link org.sectormap.shared.Labels}, {@link org.sectormap.shared.Coded}, the CSV helpers, and the
 * exceptions that {@code system} turns into 400, 404 and 409 answers.
 */
package org.sectormap.shared;
