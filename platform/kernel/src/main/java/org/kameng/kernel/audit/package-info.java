/** The append-only record of staff and platform-admin actions and of every card-key reveal. */
package org.kameng.kernel.audit;
