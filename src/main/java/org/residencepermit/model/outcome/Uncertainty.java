package org.residencepermit.model.outcome;

/**
 * CONV-10: the {@code aspect} of the outcome rests on a weak, conflicting or interpreted source, or on the CONV-1
 * same-day boundary. A NOT_ELIGIBLE decision does not assert documents, channels or time limits, so uncertainties
 * about those are not reported with it.
 */
public record Uncertainty(Aspect aspect, String note) {
    public Uncertainty {
        if (aspect == null || note == null) {
            throw new IllegalArgumentException("an uncertainty needs an aspect and a note");
        }
    }
}
