package dev.orderflow.messaging.archfixture.a;

import dev.orderflow.messaging.archfixture.b.CyclicB;

/** Test fixture: depends on package b, which depends back on a — the cycle the architecture rule must reject. */
public class CyclicA {
    CyclicB partner;
}
