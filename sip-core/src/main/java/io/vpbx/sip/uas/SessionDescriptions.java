package io.vpbx.sip.uas;

import io.vpbx.media.Codec;
import io.vpbx.media.RemoteMedia;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import javax.sdp.Attribute;
import javax.sdp.Connection;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;

/**
 * The SDP of one answering leg (RFC 3264 offer/answer, RFC 4566 syntax), read and written with JAIN-SIP RI's
 * {@code javax.sdp} implementation: one audio stream, G.711 at 20 ms, RFC 4733 telephone-event both ways. vpbx
 * answers with the first codec of the offer it speaks and the offerer's telephone-event payload type; when it makes
 * the offer (an INVITE without SDP) it offers every codec it speaks and telephone-event 101. Each description it
 * writes has the next version in its o= line (section 8). Pure: no I/O.
 */
final class SessionDescriptions {
    /** The telephone-event payload type vpbx offers (any dynamic type would do; 101 is what phones use). */
    static final int OFFERED_TELEPHONE_EVENT = 101;
    private static final String TELEPHONE_EVENT = "telephone-event";
    private static final String SENDRECV = "sendrecv";

    private final SdpFactory factory = SdpFactory.getInstance();
    private final List<Codec> codecs;
    private final long sessionId;
    private long version;

    /** @param codecs what the media server speaks, preferred first; {@code sessionId} the o= line's */
    SessionDescriptions(List<Codec> codecs, long sessionId) {
        this.codecs = List.copyOf(codecs);
        this.sessionId = sessionId;
    }

    /**
     * Reads the caller's SDP, an offer or the answer to ours: the first audio stream over RTP/AVP with a codec vpbx
     * speaks (in the caller's order), its telephone-event type, where to send and whether to.
     */
    MediaTerms read(String text) {
        SessionDescription description;
        try {
            description = factory.createSessionDescription(text);
            Vector<?> streams = description.getMediaDescriptions(false);
            if (streams == null) {
                return new MediaTerms.Incompatible("no media stream");
            }
            for (Object each : streams) {
                MediaTerms terms = audio(description, (MediaDescription) each);
                if (terms != null) {
                    return terms;
                }
            }
            return new MediaTerms.Incompatible("no audio stream in PCMU or PCMA");
        } catch (SdpException | RuntimeException e) {
            return new MediaTerms.Incompatible("unreadable SDP: " + e.getMessage());
        }
    }

    /** The answer to an offer {@link #read} agreed on: the agreed codec, the offerer's telephone-event type. */
    String answer(MediaTerms.Agreed agreed, InetSocketAddress local) {
        RemoteMedia remote = agreed.remote();
        return write(local, List.of(remote.codec()), remote.telephoneEventType(), agreed.ourDirection());
    }

    /** vpbx's offer: every codec it speaks and telephone-event, sendrecv; {@code local} the session's RTP address. */
    String offer(InetSocketAddress local) {
        return write(local, codecs, OFFERED_TELEPHONE_EVENT, SENDRECV);
    }

    private MediaTerms audio(SessionDescription description, MediaDescription stream) throws SdpException {
        if (!"audio".equals(stream.getMedia().getMediaType()) || stream.getMedia().getMediaPort() == 0
                || !"RTP/AVP".equals(stream.getMedia().getProtocol())) {
            return null;
        }
        Connection connection = stream.getConnection() != null ? stream.getConnection() : description.getConnection();
        if (connection == null) {
            return null;
        }
        Map<String, String> encodings = new HashMap<>();
        String direction = direction(description.getAttributes(false), SENDRECV);
        direction = direction(stream.getAttributes(false), direction);
        for (Object each : attributes(stream.getAttributes(false))) {
            Attribute attribute = (Attribute) each;
            if ("rtpmap".equals(attribute.getName()) && attribute.getValue() != null) {
                String[] parts = attribute.getValue().trim().split("\\s+", 2);
                if (parts.length == 2) {
                    encodings.put(parts[0], parts[1]);
                }
            }
        }
        Codec codec = null;
        int telephoneEvent = -1;
        for (Object each : stream.getMedia().getMediaFormats(false)) {
            String format = ((String) each).trim();
            String encoding = encodings.getOrDefault(format, "");
            if (telephoneEvent < 0 && encoding.regionMatches(true, 0, TELEPHONE_EVENT + "/8000", 0, TELEPHONE_EVENT.length() + 5)) {
                int type = Integer.parseInt(format);
                telephoneEvent = type >= 96 && type <= 127 ? type : -1;
            }
            if (codec == null) {
                codec = ours(format);
            }
        }
        if (codec == null) {
            return null;
        }
        InetAddress address = InetAddress.ofLiteral(connection.getAddress());
        boolean held = address.isAnyLocalAddress();
        boolean send = !held && (SENDRECV.equals(direction) || "recvonly".equals(direction));
        String ours = switch (direction) {
            case "sendonly" -> "recvonly";
            case "recvonly" -> "sendonly";
            case "inactive" -> "inactive";
            default -> held ? "recvonly" : SENDRECV;
        };
        return new MediaTerms.Agreed(new RemoteMedia(new InetSocketAddress(address, stream.getMedia().getMediaPort()),
                codec, telephoneEvent, send), ours);
    }

    private Codec ours(String format) {
        for (Codec codec : codecs) {
            if (format.equals(Integer.toString(codec.payloadType()))) {
                return codec;
            }
        }
        return null;
    }

    private static String direction(Vector<?> attributes, String otherwise) throws SdpException {
        for (Object each : attributes(attributes)) {
            String name = ((Attribute) each).getName();
            if ("sendonly".equals(name) || "recvonly".equals(name) || "inactive".equals(name) || SENDRECV.equals(name)) {
                return name;
            }
        }
        return otherwise;
    }

    private static Vector<?> attributes(Vector<?> attributes) {
        return attributes == null ? new Vector<>() : attributes;
    }

    private String write(InetSocketAddress local, List<Codec> offered, int telephoneEvent, String direction) {
        try {
            String host = local.getAddress().getHostAddress();
            String family = local.getAddress() instanceof Inet6Address ? "IP6" : "IP4";
            SessionDescription description = factory.createSessionDescription("v=0\r\n");
            description.setOrigin(factory.createOrigin("vpbx", sessionId, ++version, "IN", family, host));
            description.setSessionName(factory.createSessionName("vpbx"));
            description.setConnection(factory.createConnection("IN", family, host));
            description.setTimeDescriptions(new Vector<>(List.of(factory.createTimeDescription())));
            List<String> formats = new ArrayList<>();
            Vector<Attribute> attributes = new Vector<>();
            for (Codec codec : offered) {
                formats.add(Integer.toString(codec.payloadType()));
                attributes.add(factory.createAttribute("rtpmap", codec.payloadType() + " " + codec.encodingName() + "/"
                        + Codec.CLOCK_RATE));
            }
            if (telephoneEvent >= 0) {
                formats.add(Integer.toString(telephoneEvent));
                attributes.add(factory.createAttribute("rtpmap", telephoneEvent + " " + TELEPHONE_EVENT + "/8000"));
                attributes.add(factory.createAttribute("fmtp", telephoneEvent + " 0-16"));
            }
            attributes.add(factory.createAttribute("ptime", Integer.toString(Codec.PACKET_MILLIS)));
            attributes.add(factory.createAttribute(direction, null));
            MediaDescription stream = factory.createMediaDescription("audio", local.getPort(), 1, "RTP/AVP",
                    formats.toArray(String[]::new));
            stream.setAttributes(attributes);
            description.setMediaDescriptions(new Vector<>(List.of(stream)));
            return description.toString();
        } catch (SdpException e) {
            throw new IllegalStateException("cannot write SDP", e);
        }
    }
}
