/**
 * Numbers held at other operators that vpbx registers and carries: the lines, their sealed passwords, and the
 * registration reports the SIP side sends back.
 */
package io.vpbx.admin.service.thirdparty;
