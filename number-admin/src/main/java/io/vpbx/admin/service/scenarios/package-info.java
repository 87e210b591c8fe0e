/** IVR scenarios: saved as versions after their shape, graph and references are checked, served to the call side. */
package io.vpbx.admin.service.scenarios;
