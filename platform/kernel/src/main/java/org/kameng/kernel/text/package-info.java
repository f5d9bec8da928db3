/** Rules for text that enters the kernel from buyers and staff. */
package org.kameng.kernel.text;
