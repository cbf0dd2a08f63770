/**
 * An independent reference model of the published payment methods, written from
 * {@code shared/domain/REFERENCE.md} and 42 CFR 425 subpart G, sharing no code with the rules, and
 * the generated comparison that checks the rules against it.
 */
package org.accord.reference;
