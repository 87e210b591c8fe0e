package io.vpbx.sip.wire;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Addresses from IP literals only: turning a host name into an address is a lookup, never done on the event loop. */
public final class IpLiteral {

    private IpLiteral() {
    }

    /** The address of an IPv4 or IPv6 literal (brackets allowed), or null for a host name. */
    public static InetAddress parse(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public static InetSocketAddress address(String host, int port) {
        InetAddress address = parse(host);
        return address == null ? null : new InetSocketAddress(address, port);
    }
}
