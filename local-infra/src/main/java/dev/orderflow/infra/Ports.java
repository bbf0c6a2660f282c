package dev.orderflow.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers: everything orderflow starts binds 127.0.0.1. */
public final class Ports {
    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {}

    /** A port that was free a moment ago; 0 in a spec means "pick one of these". */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new InfraException("Could not find a free port on " + LOOPBACK, e);
        }
    }

    public static int resolve(int configured) {
        return configured == 0 ? free() : configured;
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with the fix named when a fixed port is already taken by something else. */
    public static void requireFree(int port, String component, String overrideHint) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new InfraException(component + " cannot start: port " + LOOPBACK + ":" + port
                    + " is already in use by another process. Stop that process (e.g. `ss -ltnp | grep :" + port
                    + "`), run `./orderflow down` if it is a previous orderflow run, or " + overrideHint + ".");
        }
    }
}
