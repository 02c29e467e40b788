package org.harmwatch.platform.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret keys the audit chain is sealed with, kept outside the database.
 *
 * <p>
 * Keys are 32 or more random bytes, written in base64, one a line in the key file or
 * comma-separated in {@code HARMWATCH_AUDIT_KEY}, oldest first. The last one seals new
 * entries and checkpoints; the older ones are kept so that what they sealed can still be
 * checked (rotation: add a new key at the end, never remove one). A key is known by its
 * id, the first 16 hex digits of its SHA-256 digest, which is stored with each entry it
 * sealed.
 */
final class AuditKeys {

	private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

	static final int MIN_KEY_BYTES = 32;

	private static final String MAKE_A_KEY = "Give each audit key as 32 or more random bytes in base64, one a line in the "
			+ "key file or comma-separated in HARMWATCH_AUDIT_KEY, e.g. from: head -c 32 /dev/urandom | base64";

	private static final String RESTORE_THE_KEY = "Restore the audit key file from its backup, or set HARMWATCH_AUDIT_KEY "
			+ "(docs/operations.md, 'Backups and the audit log'). If the key is truly lost, create a new key file "
			+ "yourself; the check will then report the old entries as sealed with a key it does not have.";

	/** One key and its id. */
	static final class Key {

		private final String id;

		private final SecretKeySpec secret;

		private Key(byte[] bytes) {
			this.id = idOf(bytes);
			this.secret = new SecretKeySpec(bytes, "HmacSHA256");
		}

		String id() {
			return id;
		}

		/**
		 * A new HMAC-SHA-256 with this key; not thread-safe, so one per thread or per
		 * run.
		 */
		Mac newMac() {
			try {
				var mac = Mac.getInstance("HmacSHA256");
				mac.init(secret);
				return mac;
			}
			catch (java.security.GeneralSecurityException ex) {
				throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", ex);
			}
		}

		@Override
		public String toString() {
			return "audit key " + id;
		}

	}

	private final Map<String, Key> byId;

	private final Key current;

	private final String source;

	private AuditKeys(List<Key> keys, String source) {
		if (keys.isEmpty()) {
			throw new IllegalStateException("No audit key in " + source);
		}
		this.byId = new LinkedHashMap<>();
		for (var key : keys) {
			byId.put(key.id(), key);
		}
		this.current = keys.getLast();
		this.source = source;
	}

	/** The key that seals new entries and checkpoints. */
	Key current() {
		return current;
	}

	/** The key with this id, if it is one of ours. */
	Optional<Key> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	/**
	 * Where the keys came from (a file's path, or the environment variable), for
	 * messages.
	 */
	String source() {
		return source;
	}

	/** The ids of all keys, oldest first. */
	List<String> ids() {
		return List.copyOf(byId.keySet());
	}

	/**
	 * Reads keys written in base64, one a line or comma-separated, oldest first; blank
	 * lines and lines starting with {@code #} are ignored.
	 * @throws AuditKeyException if a key is not base64 or shorter than 32 bytes, with a
	 * sentence saying so
	 */
	static AuditKeys parse(String text, String source) {
		var keys = new ArrayList<Key>();
		int number = 0;
		for (var line : text.split("[\\r\\n,]+")) {
			var trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			number++;
			byte[] bytes;
			try {
				bytes = Base64.getDecoder().decode(trimmed);
			}
			catch (IllegalArgumentException ex) {
				throw new AuditKeyException(
						"Audit key " + number + " in " + source + " is not base64: " + ex.getMessage(), MAKE_A_KEY, ex);
			}
			if (bytes.length < MIN_KEY_BYTES) {
				throw new AuditKeyException("Audit key " + number + " in " + source + " has " + bytes.length
						+ " bytes; it needs at least " + MIN_KEY_BYTES + " random bytes", MAKE_A_KEY);
			}
			keys.add(new Key(bytes));
		}
		if (keys.isEmpty()) {
			throw new AuditKeyException("There is no audit key in " + source, MAKE_A_KEY);
		}
		return new AuditKeys(keys, source);
	}

	/**
	 * Reads the key file, creating it with one new random key (readable by its owner
	 * only) if it does not exist.
	 * @param mayCreate whether a missing file may be created: not when the chain already
	 * holds keyed entries, whose key would then be lost for good
	 */
	static AuditKeys fromFile(Path file, boolean mayCreate) {
		try {
			if (!Files.exists(file)) {
				if (!mayCreate) {
					throw new AuditKeyException("There is no audit key file at " + file
							+ ", but the audit log holds entries sealed with a key, so Harmwatch will not start a "
							+ "new one.", RESTORE_THE_KEY);
				}
				create(file);
			}
			warnIfOthersMayRead(file);
			return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
		}
		catch (IOException ex) {
			throw new AuditKeyException("Cannot read or create the audit key file " + file + ": " + ex, "Check that "
					+ "the folder exists or can be created, and that Harmwatch's user may read and write there.", ex);
		}
	}

	/** A new random key in base64. */
	static String newKey() {
		var bytes = new byte[MIN_KEY_BYTES];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	static String idOf(byte[] key) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(key);
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * Writes a new key file atomically: a temporary file in the same folder, linked into
	 * place only if no other instance got there first (then theirs is used).
	 */
	private static void create(Path file) throws IOException {
		var folder = file.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		var posix = Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null;
		var temporary = posix
				? Files.createTempFile(folder, ".audit-key", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createTempFile(folder, ".audit-key", ".tmp");
		try {
			var key = newKey();
			var content = "# Harmwatch audit key: back it up apart from the database; never remove a line "
					+ "(docs/operations.md)\n" + key + "\n";
			Files.writeString(temporary, content, StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
					StandardOpenOption.SYNC);
			try {
				Files.createLink(file, temporary);
				log.warn("Created a new audit key {} in {}: back it up apart from the database",
						idOf(Base64.getDecoder().decode(key)), file);
			}
			catch (FileAlreadyExistsException ex) {
				log.info("Another instance created the audit key file {} first; using it", file);
			}
			catch (UnsupportedOperationException ex) {
				Files.move(temporary, file);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void warnIfOthersMayRead(Path file) throws IOException {
		if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
			return;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
		for (var permission : permissions) {
			if (permission.name().startsWith("GROUP") || permission.name().startsWith("OTHERS")) {
				log.warn("The audit key file {} may be read by others ({}): make it readable by its owner only "
						+ "(chmod 600)", file, PosixFilePermissions.toString(permissions));
				return;
			}
		}
	}

}
