/**
 * The duties of holding personal data (UK GDPR): consent and lawful basis records, subject access,
 * erasure and retention. Owns the {@code consent_record} table; reads and changes everything else
 * through the other features' services, so their versions, rules and audit entries apply.
 */
package org.sectormap.privacy;
