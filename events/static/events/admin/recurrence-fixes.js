/* Fixes for django-recurrence's widget inside Wagtail's editor, loaded after the widget's own
   scripts (see events/widgets.py). Each fix names the problem it solves:

   (a) A picked date is the browser's local midnight, which the widget sent as UTC: an editor
       east of Greenwich stored the day before. On the wire a date is now midnight UTC of the
       picked calendar day, and is read back the same way. The server normalises too.
   (c) Enter in one of the widget's fields submitted its nested <form> and reloaded the editor.
   (d) Adding or removing a rule or date changed the hidden field without a `change` event, so
       Wagtail's unsaved-changes check and autosave missed it.
   (e) The widget's fields had no accessible names.
   (b) is in recurrence-fixes.css; (f), the translated labels, comes from the catalogue loaded
       before the widget. */
(function () {
    'use strict';
    var recurrence = window.recurrence;
    if (!recurrence || !recurrence.widget) {
        return;
    }
    var labels = recurrence.display.labels;
    var tr = window.gettext || function (text) { return text; };

    // (a) ---------------------------------------------------------------------------------
    // Dates change in place: the widget's forms hold the same Date objects as its data.
    function toWire(date) {
        date.setTime(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
    }
    function fromWire(date) {
        date.setTime(new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()).getTime());
    }
    function eachDate(obj, convert) {
        var rules = obj.rrules ? obj.rrules.concat(obj.exrules) : [obj];
        var dates = [];
        rules.forEach(function (rule) { dates.push(rule.until); });
        dates = dates.concat(obj.rdates || [], obj.exdates || [], [obj.dtstart, obj.dtend]);
        dates.forEach(function (date) {
            if (date) { convert(date); }
        });
    }
    var serialize = recurrence.serialize;
    recurrence.serialize = function (obj) {
        // Convert in place, serialise, convert back: the widget keeps its own objects.
        eachDate(obj, toWire);
        try {
            return serialize(obj);
        } finally {
            eachDate(obj, fromWire);
        }
    };
    var deserialize = recurrence.deserialize;
    recurrence.deserialize = function (text) {
        var obj = deserialize(text);
        eachDate(obj, fromWire);
        return obj;
    };

    // (e) ---------------------------------------------------------------------------------
    var NAMES = {
        freq: labels.frequency,
        interval: labels.every,
        count: labels.count_plural ? labels.count_plural.replace('%(number)s', '').trim() : '',
        position: labels.on_the,
        weekday: labels.on_the
    };
    function nameFor(field) {
        if (field.classList.contains('date-field')) {
            return labels.date;
        }
        var own = field.parentNode && field.parentNode.querySelector(':scope > .recurrence-label');
        var text = own ? own.textContent.replace(/:\s*$/, '').trim() : '';
        return text || NAMES[field.name] || tr('Repeat');
    }
    function labelFields(root) {
        root.querySelectorAll('input, select').forEach(function (field) {
            if (!field.getAttribute('aria-label') && !field.closest('label')) {
                field.setAttribute('aria-label', nameFor(field));
            }
        });
        root.querySelectorAll('a[title]:not([aria-label])').forEach(function (link) {
            link.setAttribute('aria-label', link.getAttribute('title'));
            link.setAttribute('role', 'button');
        });
        root.querySelectorAll('a.add-button, .add-rule, .add-date').forEach(function (link) {
            if (link.tagName === 'A') { link.setAttribute('role', 'button'); }
        });
    }

    // (d) and (e) on every widget --------------------------------------------------------
    var Widget = recurrence.widget.Widget.prototype;
    var init = Widget.init;
    Widget.init = function (textarea, options) {
        init.call(this, textarea, options);
        var root = this.elements.root;
        var label = document.querySelector('label[for="' + this.textarea.id + '"]');
        root.setAttribute('role', 'group');
        if (label) {
            if (!label.id) { label.id = this.textarea.id + '-label'; }
            root.setAttribute('aria-labelledby', label.id);
        }
        labelFields(root);
        new MutationObserver(function () { labelFields(root); }).observe(root, {childList: true, subtree: true});
        this.lastValue = this.textarea.value;
        this.ready = true;
    };
    var update = Widget.update;
    Widget.update = function () {
        update.call(this);
        if (this.ready && this.textarea.value !== this.lastValue) {
            this.lastValue = this.textarea.value;
            this.textarea.dispatchEvent(new Event('input', {bubbles: true}));
            this.textarea.dispatchEvent(new Event('change', {bubbles: true}));
        }
    };

    // (c) ---------------------------------------------------------------------------------
    document.addEventListener('keydown', function (event) {
        var field = event.target;
        if (event.key !== 'Enter' || !field.closest || !field.closest('div.recurrence-widget')) {
            return;
        }
        if (field.tagName === 'INPUT' || field.tagName === 'SELECT') {
            event.preventDefault();
            // Apply what was typed, as leaving the field would.
            field.dispatchEvent(new Event('change', {bubbles: true}));
        }
    }, true);
    document.addEventListener('submit', function (event) {
        if (event.target.closest && event.target.closest('div.recurrence-widget')) {
            event.preventDefault();
            event.stopPropagation();
        }
    }, true);
}());
