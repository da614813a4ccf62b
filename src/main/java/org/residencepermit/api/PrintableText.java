package org.residencepermit.api;

import org.residencepermit.engine.InvalidRequestException;
import org.residencepermit.engine.RequestValidator;
import org.residencepermit.model.DecisionRequest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Refuses a place name or free text holding a character no printed name holds: a control character other than the
 * whitespace the engine reads as a word break, a format character (zero-width space, byte order mark, direction
 * marks), a no-break space, a private-use or unassigned code point, or half a surrogate pair. The engine compared such
 * a name as written, so a hukou city "WUHAN" ending in NUL or a zero-width space counted as another city than WUHAN and
 * decided the case. The fields are the validator's own text fields ({@link RequestValidator#textFields()}).
 */
final class PrintableText {
    private static final List<String[]> FIELDS = RequestValidator.textFields().stream()
            .map(path -> path.split("\\.")).toList();

    private PrintableText() {
    }

    static void check(DecisionRequest request) {
        if (request == null) {
            return;
        }
        for (String[] path : FIELDS) {
            if (value(request, path) instanceof String text) {
                int at = firstUnprintable(text);
                if (at >= 0) {
                    String field = String.join(".", path);
                    throw new InvalidRequestException(field, field + " must hold printable characters only (U+"
                            + String.format("%04X", (int) text.charAt(at)) + " at position " + at + ")");
                }
            }
        }
    }

    private static Object value(Object record, String[] path) {
        Object current = record;
        for (String name : path) {
            if (current == null) {
                return null;
            }
            current = component(current, name);
        }
        return current;
    }

    private static Object component(Object record, String name) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(record);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + name, e);
                }
            }
        }
        throw new IllegalStateException(record.getClass().getSimpleName() + " has no field " + name);
    }

    /** The index of the first character a printed name cannot hold, or -1. */
    static int firstUnprintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int type = Character.getType(text.codePointAt(i));
                if (type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.FORMAT) {
                    return i;
                }
                i++;
                continue;
            }
            int type = Character.getType(c);
            boolean refused = switch (type) {
                case Character.CONTROL -> !Character.isWhitespace(c);
                case Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                     Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
                // No-break spaces: not word breaks to the engine, and invisible in the name.
                case Character.SPACE_SEPARATOR -> !Character.isWhitespace(c);
                default -> false;
            };
            if (refused) {
                return i;
            }
        }
        return -1;
    }
}
