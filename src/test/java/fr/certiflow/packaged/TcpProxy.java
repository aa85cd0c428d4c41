package fr.certiflow.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to a server that a test cuts (every connection closed, new ones refused) and restores on the same port,
 * or freezes at a chosen moment: once the client has sent a given sequence of bytes (and the server received it),
 * nothing more passes either way, as when a process stops in the middle of a conversation.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile byte[] freezeAfter;
    private final java.util.concurrent.CountDownLatch frozen = new java.util.concurrent.CountDownLatch(1);

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        restore();
    }

    public int port() {
        return port;
    }

    public synchronized void restore() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        Thread accept = new Thread(() -> accept(socket), "proxy-accept-" + port);
        accept.setDaemon(true);
        accept.start();
    }

    public synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** Freezes every connection once a client has sent {@code marker}: the server gets it, the client no answer. */
    public void freezeAfterClientSends(byte[] marker) {
        freezeAfter = marker.clone();
    }

    /** Waits until the proxy froze; false when it did not within the timeout. */
    public boolean awaitFrozen(java.time.Duration timeout) throws InterruptedException {
        return frozen.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pipe(client, upstream, true);
                pipe(upstream, client, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            byte[] tail = new byte[0];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    boolean freezeAfterThis = false;
                    byte[] marker = freezeAfter;
                    if (fromClient && marker != null && frozen.getCount() > 0) {
                        // The marker may straddle two reads: look in the end of the previous one too.
                        byte[] seen = new byte[tail.length + read];
                        System.arraycopy(tail, 0, seen, 0, tail.length);
                        System.arraycopy(buffer, 0, seen, tail.length, read);
                        freezeAfterThis = indexOf(seen, marker) >= 0;
                        tail = java.util.Arrays.copyOfRange(seen, Math.max(0, seen.length - marker.length + 1), seen.length);
                    }
                    if (freezeAfterThis) {
                        // Frozen before the server can answer: the answer never passes.
                        frozen.countDown();
                    } else {
                        awaitThaw();
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                    if (freezeAfterThis) {
                        awaitThaw();
                    }
                }
            } catch (IOException closed) {
                // One side closed: close both.
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    /** A frozen connection stays frozen until its sockets are closed. */
    private void awaitThaw() throws IOException {
        if (frozen.getCount() == 0) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private static int indexOf(byte[] data, byte[] marker) {
        outer:
        for (int i = 0; i <= data.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (data[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
