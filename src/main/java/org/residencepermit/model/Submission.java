package org.residencepermit.model;

import java.util.List;

public record Submission(Boolean applicantPresent, Proxy proxy, Basis basisChosen,
                         List<DocumentCode> documentsProvided, Integer photoUploads, Boolean returnsOldCard,
                         EndorsementOffice endorsementOffice, Boolean intendsToStay) {
    public static final Submission EMPTY = new Submission(null, null, null, null, null, null, null, null);

    public Submission {
        documentsProvided = documentsProvided == null ? null : List.copyOf(documentsProvided);
    }
}
