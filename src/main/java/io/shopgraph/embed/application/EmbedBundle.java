package io.shopgraph.embed.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The widget as served: its source files (src/main/embed, on the classpath under {@code embed/src/}) joined in
 * dependency order into one ES module, named by a hash of its content and kept gzipped as well.
 * <p>
 * The sources are plain modern JavaScript (no bundler, no npm at build time): joining only drops the
 * {@code import ... from './x.mjs'} lines between them, which is all the bundling they need. The build
 * (pom.xml, the {@code embed-size} execution) joins them the same way to print the gzipped size and fail above
 * the 35 KB budget.
 */
public record EmbedBundle(String hash, byte[] module, byte[] gzipped, byte[] loader, byte[] loaderGzipped) {

    /** The source files, in the order they are joined (a file only uses what files before it declare). */
    public static final List<String> SOURCES = List.of("client.mjs", "format.mjs", "widget.mjs");

    /** Imports between the widget's own files: they become one module, so these lines go. */
    static final Pattern LOCAL_IMPORT = Pattern.compile("(?m)^import [^;]* from '\\./[a-z-]+\\.mjs';\\R");

    public static EmbedBundle fromClasspath() {
        return of(join(SOURCES.stream().map(EmbedBundle::source).toList()), source("loader.js"));
    }

    /** The files as one module: joined in order, without their imports of each other. */
    static String join(List<String> sources) {
        return LOCAL_IMPORT.matcher(String.join("\n", sources)).replaceAll("");
    }

    static EmbedBundle of(String module, String loaderTemplate) {
        byte[] bytes = module.getBytes(StandardCharsets.UTF_8);
        String hash = sha256(bytes).substring(0, 16);
        byte[] loader = loaderTemplate.replace("__BUNDLE__", hash + "/shopgraph.mjs").getBytes(StandardCharsets.UTF_8);
        return new EmbedBundle(hash, bytes, gzip(bytes), loader, gzip(loader));
    }

    /** The module's path under {@code /embed/v1/}. */
    public String modulePath() {
        return hash + "/shopgraph.mjs";
    }

    private static String source(String name) {
        try (InputStream in = EmbedBundle.class.getClassLoader().getResourceAsStream("embed/src/" + name)) {
            if (in == null) {
                throw new IllegalStateException("embed/src/" + name + " is not on the classpath (src/main/embed)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
