/**
 * Who answers for a number: end users and M2M devices, bindings and registry requests, identity documents sealed
 * and re-sealed under rotated keys, and the deadlines and suspensions the regulators' rules impose.
 */
package io.vpbx.admin.service.compliance;
