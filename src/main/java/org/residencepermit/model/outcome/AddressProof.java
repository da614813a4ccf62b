package org.residencepermit.model.outcome;

import org.residencepermit.model.DocumentCode;

import java.util.List;

/**
 * The jurisdiction's address-proof table applied to the applicant's housing: one requirement per fact. Procedure rules
 * that need an address proof turn these into {@link RequiredDocument}s; {@code uncertainty} (may be null) is reported
 * only when the proof is actually required.
 */
public record AddressProof(List<DocumentCode> anyOf, String uncertainty) {
    public AddressProof {
        anyOf = List.copyOf(anyOf);
    }

    public static AddressProof of(DocumentCode... codes) {
        return new AddressProof(List.of(codes), null);
    }

    public AddressProof uncertain(String note) {
        return new AddressProof(anyOf, note);
    }
}
