package org.harmwatch.platform.internal;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import org.harmwatch.platform.SignInThrottle.Attempt;
import org.jspecify.annotations.Nullable;

/**
 * Where a password sign-in came from: the client address (as a trusted proxy vouches for
 * it) and the browser's device token, the one it presented or a new one to give it if
 * this sign-in succeeds.
 *
 * @param address the client address
 * @param deviceToken the token the browser presented in the device cookie, if it
 * presented a well-formed one
 * @param newDeviceToken the token to set if the browser presented none
 */
record SignInDetails(String address, @Nullable String deviceToken, String newDeviceToken) {

	/**
	 * The cookie that marks a browser that has signed in here before (only sent to
	 * {@code /login}).
	 */
	static final String DEVICE_COOKIE = "HW-DEVICE";

	/**
	 * The request attribute that holds these details for the success handler (they never
	 * go into the session).
	 */
	static final String ATTRIBUTE = SignInDetails.class.getName();

	private static final SecureRandom RANDOM = new SecureRandom();

	static SignInDetails of(HttpServletRequest request) {
		String presented = null;
		var cookies = request.getCookies();
		if (cookies != null) {
			for (var cookie : cookies) {
				if (DEVICE_COOKIE.equals(cookie.getName()) && cookie.getValue() != null
						&& cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
					presented = cookie.getValue();
				}
			}
		}
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		var details = new SignInDetails(request.getRemoteAddr(), presented,
				Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
		request.setAttribute(ATTRIBUTE, details);
		return details;
	}

	/** The token this browser has after a successful sign-in. */
	String tokenAfterSuccess() {
		return deviceToken != null ? deviceToken : newDeviceToken;
	}

	Attempt attempt(String username) {
		return new Attempt(username, address, deviceToken);
	}

	Attempt successfulAttempt(String username) {
		return new Attempt(username, address, tokenAfterSuccess());
	}

	@Override
	public String toString() {
		// Never the tokens: this object may be logged with the authentication.
		return "SignInDetails[address=" + address + "]";
	}

}
