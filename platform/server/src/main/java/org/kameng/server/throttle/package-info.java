/** Request budgets for the public endpoints that must not be hammered. */
package org.kameng.server.throttle;
