package io.shopgraph.digital.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.shopgraph.platform.errors.DomainException;

/** The rules of files, keys and download grants, as plain Java (DigitalRulesTest exercises them). */
public final class DigitalRules {

    public static final int MAX_FILE_NAME = 255;
    public static final int MAX_KEY_LENGTH = 500;
    public static final int MAX_EXTRA_DOWNLOADS = 1000;
    public static final int MAX_EXTRA_DAYS = 3650;

    private DigitalRules() {
    }

    /** A file name as shown to the shopper: trimmed, 1 to 255 characters, no path separators or control characters. */
    public static String fileName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > MAX_FILE_NAME || name.equals(".") || name.equals("..")) {
            throw new DomainException(DigitalErrorCode.INVALID_FILE_NAME, List.of("fileName"), "1 to 255 characters.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new DomainException(DigitalErrorCode.INVALID_FILE_NAME, List.of("fileName"),
                        "No path separators or control characters.");
            }
        }
        return name;
    }

    /** The declared content type, lowercased without parameters, when the store accepts it. */
    public static String contentType(String raw, Collection<String> allowed) {
        String type = raw == null ? "" : raw.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty() || allowed.stream().noneMatch(a -> a.strip().equalsIgnoreCase(type))) {
            throw new DomainException(DigitalErrorCode.CONTENT_TYPE_NOT_ALLOWED, List.of("contentType"),
                    "Accepted: " + String.join(", ", allowed) + ".");
        }
        return type;
    }

    public static long byteSize(long declared, long max) {
        if (declared <= 0 || declared > max) {
            throw new DomainException(DigitalErrorCode.INVALID_FILE_SIZE, List.of("byteSize"), "1 to " + max + " bytes.");
        }
        return declared;
    }

    /** The keys to add: trimmed, each 1 to 500 characters, duplicates within the call dropped (order kept). */
    public static List<String> keys(List<String> raw, int maxPerCall) {
        if (raw == null || raw.isEmpty() || raw.size() > maxPerCall) {
            throw new DomainException(DigitalErrorCode.INVALID_KEYS, List.of("keys"), "1 to " + maxPerCall + " keys.");
        }
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String key = raw.get(i) == null ? "" : raw.get(i).strip();
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
                throw new DomainException(DigitalErrorCode.INVALID_KEYS, List.of("keys", Integer.toString(i)),
                        "A key is 1 to 500 characters without control characters.");
            }
            keys.add(key);
        }
        return new ArrayList<>(keys);
    }

    /** A limit extension: both parts between 0 and their maximum, at least one positive. */
    public static void extension(int extraDownloads, int extraDays) {
        if (extraDownloads < 0 || extraDays < 0 || extraDownloads > MAX_EXTRA_DOWNLOADS || extraDays > MAX_EXTRA_DAYS
                || extraDownloads + extraDays == 0) {
            throw new DomainException(DigitalErrorCode.INVALID_EXTENSION, List.of(),
                    "Add 0 to 1,000 downloads and 0 to 3,650 days, at least one of them.");
        }
    }

    /**
     * The Content-Disposition of a download (RFC 6266): an attachment, with an ASCII fallback name and the exact
     * name in RFC 5987 encoding, so no file name can inject a header or a parameter.
     */
    public static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        for (char c : fileName.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' && c != '%' ? c : '_');
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
