package org.residencepermit.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader the rule compiler sees: classes come from the application class loader (so facts are the very
 * same classes the service uses), while what the Java compiler reads over and over on every build (class files as
 * resources, resource URLs, and the many names that do not exist when wildcard imports are resolved) is remembered.
 * In the packaged Quarkus application every such lookup otherwise reopens the library jars, which made a warm reload
 * cost seconds. The application's class path does not change at runtime, so the answers stay true; the caches only
 * grow with the names rules refer to and are capped.
 */
final class CachingClassLoader extends ClassLoader {
    static final int MAX_ENTRIES = 50_000;

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader delegate;
    private final Map<String, Optional<byte[]>> classFiles = new ConcurrentHashMap<>();
    private final Map<String, Optional<URL>> urls = new ConcurrentHashMap<>();
    private final Set<String> missingClasses = ConcurrentHashMap.newKeySet();

    CachingClassLoader(ClassLoader delegate) {
        super(delegate);
        this.delegate = delegate;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missingClasses.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return delegate.loadClass(name);
        } catch (ClassNotFoundException e) {
            if (missingClasses.size() < MAX_ENTRIES) {
                missingClasses.add(name);
            }
            throw e;
        }
    }

    @Override
    public URL getResource(String name) {
        Optional<URL> url = urls.get(name);
        if (url == null) {
            url = Optional.ofNullable(delegate.getResource(name));
            if (urls.size() < MAX_ENTRIES) {
                urls.put(name, url);
            }
        }
        return url.orElse(null);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        if (!name.endsWith(".class")) {
            return delegate.getResourceAsStream(name);
        }
        Optional<byte[]> bytes = classFiles.get(name);
        if (bytes == null) {
            bytes = Optional.ofNullable(read(name));
            if (classFiles.size() < MAX_ENTRIES) {
                classFiles.put(name, bytes);
            }
        }
        return bytes.map(ByteArrayInputStream::new).orElse(null);
    }

    private byte[] read(String name) {
        try (InputStream in = delegate.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
