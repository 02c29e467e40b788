package org.harmwatch.platform.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The generated passwords of the embedded PostgreSQL's superuser and of Harmwatch's own
 * role.
 *
 * <p>
 * They live in {@value #FILE_NAME} inside the data directory, readable by its owner only
 * (0600), so whoever may read the database files may also sign in to it, and nobody else.
 *
 * @param superuserPassword the password of {@code postgres}, used only at start-up to
 * provision the app's role
 * @param appPassword the password of {@code harmwatch}, the role the application connects
 * as
 */
record EmbeddedDatabaseCredentials(String superuserPassword, String appPassword) {

	static final String FILE_NAME = "harmwatch-credentials.properties";

	private static final SecureRandom random = new SecureRandom();

	private static final int SCRAM_ITERATIONS = 4096;

	/**
	 * Two new random passwords of 192 bits each.
	 */
	static EmbeddedDatabaseCredentials generate() {
		return new EmbeddedDatabaseCredentials(randomPassword(), randomPassword());
	}

	/**
	 * The passwords kept in the data directory, if it holds a complete file.
	 */
	static Optional<EmbeddedDatabaseCredentials> read(Path dataDirectory) throws IOException {
		var file = dataDirectory.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		var properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		var superuser = properties.getProperty("superuser.password", "");
		var app = properties.getProperty("app.password", "");
		return superuser.isEmpty() || app.isEmpty() ? Optional.empty()
				: Optional.of(new EmbeddedDatabaseCredentials(superuser, app));
	}

	/**
	 * Writes the passwords to the data directory in one step (a temporary file moved into
	 * place), owner-only.
	 */
	void write(Path dataDirectory) throws IOException {
		var properties = new Properties();
		properties.setProperty("superuser", EmbeddedDatabase.SUPERUSER);
		properties.setProperty("superuser.password", superuserPassword);
		properties.setProperty("app.user", EmbeddedDatabase.APP_ROLE);
		properties.setProperty("app.password", appPassword);
		var text = new StringWriter();
		properties.store(text, "Passwords of Harmwatch's embedded PostgreSQL (generated; keep this file private)");

		var file = dataDirectory.resolve(FILE_NAME);
		var temporary = dataDirectory.resolve(FILE_NAME + ".new");
		Files.deleteIfExists(temporary);
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(temporary,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		try (var channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			channel.write(StandardCharsets.UTF_8.encode(text.toString()));
			channel.force(true);
		}
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802, RFC 7677),
	 * so that the password itself is never sent to the server or shown in its logs.
	 */
	static String scramVerifier(String password) {
		try {
			byte[] salt = new byte[16];
			random.nextBytes(salt);
			var spec = new PBEKeySpec(password.toCharArray(), salt, SCRAM_ITERATIONS, 256);
			byte[] saltedPassword = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
				.generateSecret(spec)
				.getEncoded();
			byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(saltedPassword, "Client Key"));
			byte[] serverKey = hmac(saltedPassword, "Server Key");
			var base64 = Base64.getEncoder();
			return "SCRAM-SHA-256$" + SCRAM_ITERATIONS + ":" + base64.encodeToString(salt) + "$"
					+ base64.encodeToString(storedKey) + ":" + base64.encodeToString(serverKey);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This Java runtime lacks PBKDF2WithHmacSHA256 or HmacSHA256", ex);
		}
	}

	@Override
	public String toString() {
		return "EmbeddedDatabaseCredentials[passwords hidden]";
	}

	private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
