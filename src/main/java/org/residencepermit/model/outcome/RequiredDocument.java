package org.residencepermit.model.outcome;

import com.fasterxml.jackson.annotation.JsonValue;
import org.residencepermit.model.DocumentCode;

import java.util.Collection;
import java.util.List;

/** One document requirement: satisfied by any one of {@code anyOf} (a single code when there is no alternative). */
public record RequiredDocument(List<DocumentCode> anyOf) {
    public RequiredDocument {
        if (anyOf == null || anyOf.isEmpty()) {
            throw new IllegalArgumentException("a document requirement needs at least one code");
        }
        anyOf = List.copyOf(anyOf);
    }

    public static RequiredDocument of(DocumentCode... codes) {
        return new RequiredDocument(List.of(codes));
    }

    /** JSON shape of CONV-8: a bare code, or {"anyOf": [codes]} when there are alternatives. */
    @JsonValue
    public Object json() {
        return anyOf.size() == 1 ? anyOf.get(0) : java.util.Map.of("anyOf", anyOf);
    }

    public boolean isSatisfiedBy(Collection<DocumentCode> provided) {
        return provided != null && anyOf.stream().anyMatch(provided::contains);
    }
}
