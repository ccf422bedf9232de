package io.storeops.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: who is signed in, in which role and stores. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal StaffSession staff, Model model) {
        model.addAttribute("staff", staff);
        return "home";
    }
}
