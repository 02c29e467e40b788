package org.harmwatch.earlywarning;

import java.time.Instant;

/**
 * A signal linked to another as being about the same thing, with who linked them, when
 * and why.
 */
public record RelatedSignal(SignalView signal, String reason, String linkedBy, Instant linkedAt) {
}
