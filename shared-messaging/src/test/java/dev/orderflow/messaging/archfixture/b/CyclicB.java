package dev.orderflow.messaging.archfixture.b;

import dev.orderflow.messaging.archfixture.a.CyclicA;
import dev.orderflow.messaging.lab.NaiveMode;

/**
 * Test fixture: depends back on package a (a cycle) and on the lab (what template code must
 * never do) — both rules must reject it.
 */
public class CyclicB {
    CyclicA partner;
    NaiveMode mode;
}
