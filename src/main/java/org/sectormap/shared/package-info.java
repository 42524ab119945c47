/**
 * What every feature uses to read input and to show it, depending on no feature: {@link
 * org.sectormap.shared.Input} (the one way input is checked), {@link org.sectormap.shared.Problem},
 * {@link org.sectormap.shared.Labels}, {@link org.sectormap.shared.Coded}, the CSV helpers, and the
 * exceptions that {@code system} turns into 400, 404, 409 and 429 answers, and the {@link
 * org.sectormap.shared.RateLimiter} that the sign-in and import limits count with, and {@link
 * org.sectormap.shared.SignedIn} for who is asking, and {@link org.sectormap.shared.CopyIn} for PostgreSQL's
 * bulk load of many rows, and {@link org.sectormap.shared.PageCount} for every paged list.
 */
package org.sectormap.shared;
