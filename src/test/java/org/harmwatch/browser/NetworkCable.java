package org.harmwatch.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cable between the browser and the application under test that a test can pull out: a
 * TCP forwarder on a port of its own that passes every byte on to the application.
 * Unplugged, it closes every open connection and refuses new ones, so a request of the
 * page, of its service worker or of a tab opened later fails at once, whatever the
 * browser's offline emulation has or has not reached yet. Plugged in again, it listens on
 * the same port.
 */
final class NetworkCable implements AutoCloseable {

	private final int target;

	private final int port;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket listening;

	NetworkCable(int target) {
		this.target = target;
		this.listening = listen(0);
		this.port = listening.getLocalPort();
	}

	/** The port the browser is to use. */
	int port() {
		return port;
	}

	/** Closes every connection and refuses new ones. */
	synchronized void unplug() {
		close(listening);
		open.forEach(NetworkCable::close);
		open.clear();
	}

	/** Listens again on the same port. */
	synchronized void plugIn() {
		if (listening.isClosed()) {
			listening = listen(port);
		}
	}

	@Override
	public void close() {
		unplug();
	}

	private ServerSocket listen(int on) {
		try {
			var server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on));
			Thread.ofVirtual().name("network-cable-" + on).start(() -> accept(server));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				var browserSide = server.accept();
				var appSide = new Socket(InetAddress.getLoopbackAddress(), target);
				open.add(browserSide);
				open.add(appSide);
				Thread.ofVirtual().start(() -> pipe(browserSide, appSide));
				Thread.ofVirtual().start(() -> pipe(appSide, browserSide));
			}
			catch (IOException ex) {
				// closed by unplug(), or the application refused: the browser sees a
				// reset
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// one side closed
		}
		finally {
			close(from);
			close(to);
			open.remove(from);
			open.remove(to);
		}
	}

	private static void close(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
