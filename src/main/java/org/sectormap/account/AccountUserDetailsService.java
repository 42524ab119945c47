package org.sectormap.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountService accounts;

    AccountUserDetailsService(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        AppUser user = accounts.find(email).orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(user.email()).password(user.passwordHash()).roles(user.role().name())
                .disabled(!user.enabled()).accountLocked(accounts.locked(user)).build();
    }
}
