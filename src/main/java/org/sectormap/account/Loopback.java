package org.sectormap.account;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

final class Loopback {

    private Loopback() {
    }

    /** The remote address is always an IP literal, so this never asks DNS. */
    static boolean from(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
