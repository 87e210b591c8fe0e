/** RTP and RTCP on the wire: packets (RFC 3550), the port range, one UDP socket pair per call, symmetric latching, sender reports. */
package io.vpbx.media.rtp;
