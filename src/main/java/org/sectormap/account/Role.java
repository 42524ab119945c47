package org.sectormap.account;

/** What a person may do; Spring Security sees each as the authority ROLE_<name>. */
public enum Role {
    ADMIN, RESEARCHER, VIEWER
}
