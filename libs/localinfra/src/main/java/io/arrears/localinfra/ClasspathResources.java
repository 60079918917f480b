package io.arrears.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Finds this library's own files through the system class loader, whatever loader runs the caller. */
final class ClasspathResources {

    private ClasspathResources() {
    }

    static String read(String resource) {
        try (InputStream in = loader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar or classes directory that holds {@code clazz}. */
    static Path locationOf(Class<?> clazz) {
        String resource = clazz.getName().replace('.', '/') + ".class";
        URL url = loader().getResource(resource);
        if (url == null) {
            url = clazz.getClassLoader().getResource(resource);
        }
        try {
            String text = url.toString();
            if (text.startsWith("jar:")) {
                return Path.of(new URL(text.substring(4, text.indexOf("!/"))).toURI());
            }
            Path file = Path.of(url.toURI());
            for (int i = 0; i < clazz.getName().split("\\.").length; i++) {
                file = file.getParent();
            }
            return file;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot locate " + clazz.getName() + " from " + url, e);
        }
    }

    private static ClassLoader loader() {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        return system != null ? system : ClasspathResources.class.getClassLoader();
    }
}
