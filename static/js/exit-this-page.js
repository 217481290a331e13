/* "Exit this page": leave the site at once, by the button or by pressing Shift three times.
 *
 * Behaviour follows the GOV.UK Design System component, with one change: we leave with
 * location.replace(), so that the browser's Back button does not bring this page back.
 * Without JavaScript the button is a plain link to the same place.
 */
(function () {
    "use strict";

    var PRESSES_TO_EXIT = 3;
    var TIMEOUT_MS = 5000;

    var root = document.querySelector("[data-exit-this-page]");
    if (!root) {
        return;
    }
    var button = root.querySelector("[data-exit-this-page-button]");
    var status = root.querySelector("[data-exit-this-page-status]");
    var indicator = root.querySelector(".exit-this-page__indicator");
    var hint = root.querySelector("[data-exit-this-page-hint]");

    var presses = 0;
    var lastKeyWasModified = false;
    var pressTimer = null;
    var messageTimer = null;
    var overlay = null;

    function announce(text) {
        status.textContent = text;
    }

    function showProgress() {
        indicator.classList.toggle("exit-this-page__indicator--visible", presses > 0);
        Array.prototype.forEach.call(indicator.children, function (light, index) {
            light.classList.toggle("exit-this-page__light--on", index < presses);
        });
    }

    function clearTimers() {
        window.clearTimeout(pressTimer);
        window.clearTimeout(messageTimer);
        pressTimer = null;
        messageTimer = null;
    }

    function exitPage() {
        clearTimers();
        presses = 0;
        announce("");
        // Hide everything at once, before the next page has even started to load.
        document.body.classList.add("exit-this-page-hide-content");
        overlay = document.createElement("div");
        overlay.className = "exit-this-page-overlay";
        overlay.setAttribute("role", "alert");
        document.body.appendChild(overlay);
        overlay.textContent = root.dataset.activated;
        // Replace this page in the history, so that Back does not return to it.
        window.location.replace(button.href);
    }

    function expire() {
        clearTimers();
        presses = 0;
        showProgress();
        announce(root.dataset.timedOut);
        messageTimer = window.setTimeout(function () {
            announce("");
        }, TIMEOUT_MS);
    }

    function onKeyUp(event) {
        // Shift used as a modifier (Shift+A) fires a keyup for A with shiftKey set, then one for
        // Shift itself: that Shift does not count.
        if (event.key === "Shift" && !lastKeyWasModified) {
            presses += 1;
            showProgress();
            window.clearTimeout(messageTimer);
            if (presses >= PRESSES_TO_EXIT) {
                exitPage();
            } else {
                announce(presses === 1 ? root.dataset.pressTwoMoreTimes : root.dataset.pressOneMoreTime);
                window.clearTimeout(pressTimer);
                pressTimer = window.setTimeout(expire, TIMEOUT_MS);
            }
        } else if (pressTimer !== null) {
            // Any other key stops the sequence.
            expire();
        }
        lastKeyWasModified = event.shiftKey;
    }

    // A page restored from the back/forward cache must not stay blank.
    function onPageShow() {
        document.body.classList.remove("exit-this-page-hide-content");
        if (overlay) {
            overlay.remove();
            overlay = null;
        }
        clearTimers();
        presses = 0;
        lastKeyWasModified = false;
        showProgress();
        announce("");
    }

    button.addEventListener("click", function (event) {
        event.preventDefault();
        exitPage();
    });
    document.addEventListener("keyup", onKeyUp, true);
    window.addEventListener("pageshow", onPageShow);
    hint.hidden = false;
})();
