/**
 * The route simulator's glue: the admin API's simulation of a call answered by the SIP side's router and scenario
 * script, the code real calls run.
 */
package io.vpbx.server.simulate;
