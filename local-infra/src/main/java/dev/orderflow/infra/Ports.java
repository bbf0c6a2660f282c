package dev.orderflow.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback port helpers: everything orderflow starts binds 127.0.0.1. */
public final class Ports {
    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {}

    /**
     * Free ports come from below the kernel's ephemeral range (32768+ by default): a port taken from
     * that range can become the local port of any outgoing connection before its component binds it.
     */
    static final int FIRST_FREE_PORT = 20_000;
    static final int LAST_FREE_PORT = 32_767;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port that is free now and was never handed out before by this JVM: components often bind
     * the ports they were given long after they were chosen (a layout picks all of them at once),
     * and a port that is free but promised must not be given to a second component.
     */
    public static int free() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST_FREE_PORT, LAST_FREE_PORT + 1);
            if (!HANDED_OUT.contains(port) && canBind(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new InfraException("Could not find a free port on " + LOOPBACK + " between " + FIRST_FREE_PORT + " and "
                + LAST_FREE_PORT);
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
            return true;
        } catch (IOException e) {
            return false;
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
