/** Events about an account's resources, the webhook subscriptions that receive them and their deliveries. */
package io.vpbx.admin.domain.event;
