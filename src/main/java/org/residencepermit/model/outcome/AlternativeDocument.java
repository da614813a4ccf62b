package org.residencepermit.model.outcome;

import org.residencepermit.model.DocumentCode;

import java.util.List;

/** A document requirement of the alternative route. */
public record AlternativeDocument(List<DocumentCode> anyOf) {
    public AlternativeDocument {
        anyOf = List.copyOf(anyOf);
    }

    public static AlternativeDocument of(DocumentCode... codes) {
        return new AlternativeDocument(List.of(codes));
    }
}
