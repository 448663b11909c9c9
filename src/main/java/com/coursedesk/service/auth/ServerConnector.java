package com.coursedesk.service.auth;

import com.coursedesk.domain.ServerRef;

import com.coursedesk.data.api.BillingApiClient;

/**
 * Turns a {@link ServerRef} into a client. The composition root implements it: for the demo
 * it starts the embedded sandbox on first use.
 */
@FunctionalInterface
public interface ServerConnector {

    BillingApiClient connect(ServerRef server);
}
