package org.residencepermit.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 in hex over named contents (name, NUL, bytes, NUL, ...): how a rule set, a jurisdiction's DRL files and a
 * directory's case files are identified. Renaming a file changes the digest as much as editing it.
 */
public final class ContentDigest {
    private final MessageDigest digest;

    public ContentDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ContentDigest add(String name, byte[] content) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content);
        digest.update((byte) 0);
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The digest of files, each named by its path relative to {@code directory}. */
    public static String ofFiles(Path directory, List<Path> files) {
        ContentDigest digest = new ContentDigest();
        try {
            for (Path file : files) {
                digest.add(directory.relativize(file).toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digest.hex();
    }
}
