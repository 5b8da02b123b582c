<?php
/**
 * Plugin Name:       Comments widget
 * Description:       Replaces the theme's comment section ("Leave a Reply") with the Comments widget: self-hosted moderation, spam and toxicity scoring in-process, live replies. WordPress's own comment form is switched off while it is active.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       comments-widget
 */

if (!defined('ABSPATH')) {
    exit;
}

const COMMENTS_WIDGET_OPTION = 'comments_widget';

/** The settings with their defaults: the service's address, the site id configured there, and an optional language. */
function comments_widget_settings() {
    $saved = get_option(COMMENTS_WIDGET_OPTION, array());
    return array_merge(array('service' => '', 'site' => '', 'lang' => ''), is_array($saved) ? $saved : array());
}

/** True once the service and the site are set: until then the theme's own comments stay. */
function comments_widget_ready() {
    $s = comments_widget_settings();
    return $s['service'] !== '' && $s['site'] !== '';
}

/**
 * The thread id the widget and the service's WordPress importer give this post, so imported
 * comments appear under it: the permalink's path without its outer slashes, '/' as ':', other
 * characters as '~' and their UTF-16 code in hex, "home" for the root, past 128 characters the
 * first 119, '~' and embed.js's hash. A permalink with only a query (?p=42) becomes "p-42".
 */
function comments_widget_thread_id($post) {
    $permalink = get_permalink($post);
    $path = (string) wp_parse_url($permalink, PHP_URL_PATH);
    if (trim($path, '/') === '' && (string) wp_parse_url($permalink, PHP_URL_QUERY) !== '') {
        return 'p-' . $post->ID;
    }
    return comments_widget_thread_from_path($path);
}

function comments_widget_thread_from_path($path) {
    $id = '';
    $units = comments_widget_utf16_units(str_replace(' ', '%20', trim($path, '/')));
    foreach ($units as $unit) {
        $ch = $unit < 128 ? chr($unit) : '';
        if ($ch === '/') {
            $id .= ':';
        } elseif ($ch !== '' && preg_match('/^[A-Za-z0-9._:~-]$/', $ch)) {
            $id .= $ch;
        } else {
            $id .= '~' . dechex($unit);
        }
    }
    if ($id === '') {
        return 'home';
    }
    return strlen($id) > 128 ? substr($id, 0, 119) . '~' . comments_widget_hash($id) : $id;
}

/** UTF-16 code units of a UTF-8 string, as JavaScript's charCodeAt sees them (no mbstring needed). */
function comments_widget_utf16_units($text) {
    $units = array();
    $length = strlen($text);
    for ($i = 0; $i < $length;) {
        $byte = ord($text[$i]);
        $size = $byte < 0x80 ? 1 : ($byte < 0xE0 ? 2 : ($byte < 0xF0 ? 3 : 4));
        $code = $size === 1 ? $byte : ($byte & (0xFF >> ($size + 1)));
        for ($k = 1; $k < $size && $i + $k < $length; $k++) {
            $code = ($code << 6) | (ord($text[$i + $k]) & 0x3F);
        }
        $i += $size;
        if ($code > 0xFFFF) {
            $code -= 0x10000;
            $units[] = 0xD800 | ($code >> 10);
            $units[] = 0xDC00 | ($code & 0x3FF);
        } else {
            $units[] = $code;
        }
    }
    return $units;
}

/** embed.js's hash: djb2 with xor over UTF-16 codes, unsigned 32 bits, base 36. */
function comments_widget_hash($text) {
    $h = 5381;
    foreach (comments_widget_utf16_units($text) as $unit) {
        $h = ((($h * 33) & 0xFFFFFFFF) ^ $unit) & 0xFFFFFFFF;
    }
    return base_convert((string) $h, 10, 36);
}

/** The widget's language: the setting, else the site's locale (de_DE → de). */
function comments_widget_lang() {
    $s = comments_widget_settings();
    return $s['lang'] !== '' ? $s['lang'] : strtolower(substr(get_locale(), 0, 2));
}

/** The markup that takes the comment section's place: the widget's tag, and a plain form for readers without JavaScript. */
function comments_widget_markup($post = null) {
    $post = get_post($post);
    if (!$post || !comments_widget_ready()) {
        return '';
    }
    $s = comments_widget_settings();
    $service = untrailingslashit($s['service']);
    $thread = comments_widget_thread_id($post);
    $lang = comments_widget_lang();
    $action = $service . '/api/sites/' . rawurlencode($s['site']) . '/threads/' . rawurlencode($thread) . '/comments/form';
    $html = '<section id="comments" class="comments-area comments-widget">';
    $html .= sprintf(
        '<script src="%s" data-site="%s" data-thread="%s" data-lang="%s" async></script>',
        esc_url($service . '/embed.js'), esc_attr($s['site']), esc_attr($thread), esc_attr($lang)
    );
    $html .= '<noscript><form action="' . esc_url($action) . '" method="post" class="comment-form">';
    $html .= '<h3>' . esc_html__('Leave a Reply', 'comments-widget') . '</h3>';
    $html .= '<p><label for="cw-comment">' . esc_html__('Comment', 'comments-widget') . ' *</label><textarea id="cw-comment" name="comment" rows="8" required></textarea></p>';
    $html .= '<p><label for="cw-author">' . esc_html__('Name', 'comments-widget') . ' *</label><input id="cw-author" name="author" required></p>';
    $html .= '<p><label for="cw-email">' . esc_html__('Email', 'comments-widget') . ' *</label><input id="cw-email" name="email" type="email" required></p>';
    $html .= '<p><label for="cw-url">' . esc_html__('Website', 'comments-widget') . '</label><input id="cw-url" name="url" type="url"></p>';
    $html .= '<p>' . esc_html__('Your email address will not be published.', 'comments-widget') . '</p>';
    $html .= '<input type="hidden" name="comment_parent" value="0">';
    $html .= '<input type="hidden" name="redirect_to" value="' . esc_url(get_permalink($post)) . '">';
    $html .= '<input type="hidden" name="lang" value="' . esc_attr($lang) . '">';
    $html .= '<p><input type="submit" value="' . esc_attr__('Post Comment', 'comments-widget') . '"></p>';
    $html .= '</form></noscript></section>';
    return $html;
}

// Classic themes: comments_template() loads our template instead of the theme's comments.php.
add_filter('comments_template', function ($template) {
    return comments_widget_ready() ? __DIR__ . '/template.php' : $template;
});

// Block themes: the Comments block (and a lone comment form block) render the widget instead.
add_filter('render_block', function ($content, $block) {
    if (!comments_widget_ready() || !is_singular()) {
        return $content;
    }
    $name = isset($block['blockName']) ? $block['blockName'] : '';
    if ($name === 'core/comments' || $name === 'core/post-comments' || $name === 'core/post-comments-form') {
        static $shown = false;
        if ($shown && $name !== 'core/comments') {
            return '';
        }
        $shown = true;
        return comments_widget_markup();
    }
    return $content;
}, 10, 2);

// WordPress's own form is off while the widget is on: a post to wp-comments-post.php is refused,
// so spam bots that know WordPress cannot go around the widget's moderation.
add_action('pre_comment_on_post', function () {
    if (comments_widget_ready()) {
        wp_die(esc_html__('Comments on this site go through the Comments widget.', 'comments-widget'), '', array('response' => 403));
    }
});

// Settings → Comments widget.
add_action('admin_init', function () {
    register_setting('comments_widget', COMMENTS_WIDGET_OPTION, array(
        'type' => 'array',
        'sanitize_callback' => function ($input) {
            $input = is_array($input) ? $input : array();
            $service = isset($input['service']) ? esc_url_raw(trim($input['service']), array('http', 'https')) : '';
            $site = isset($input['site']) ? preg_replace('/[^A-Za-z0-9_-]/', '', (string) $input['site']) : '';
            $lang = isset($input['lang']) ? preg_replace('/[^a-z]/', '', strtolower((string) $input['lang'])) : '';
            return array('service' => untrailingslashit($service), 'site' => $site, 'lang' => substr($lang, 0, 3));
        },
    ));
});

add_action('admin_menu', function () {
    add_options_page(__('Comments widget', 'comments-widget'), __('Comments widget', 'comments-widget'), 'manage_options', 'comments-widget', function () {
        $s = comments_widget_settings();
        echo '<div class="wrap"><h1>' . esc_html__('Comments widget', 'comments-widget') . '</h1><form method="post" action="options.php">';
        settings_fields('comments_widget');
        echo '<table class="form-table" role="presentation">';
        printf('<tr><th><label for="cw-service">%s</label></th><td><input id="cw-service" class="regular-text" name="%s[service]" value="%s" placeholder="https://comments.example"><p class="description">%s</p></td></tr>',
            esc_html__('Service address', 'comments-widget'), COMMENTS_WIDGET_OPTION, esc_attr($s['service']),
            esc_html__('Where the Comments service runs. This site\'s address must be in the site\'s AllowedOrigins there.', 'comments-widget'));
        printf('<tr><th><label for="cw-site">%s</label></th><td><input id="cw-site" name="%s[site]" value="%s"></td></tr>',
            esc_html__('Site id', 'comments-widget'), COMMENTS_WIDGET_OPTION, esc_attr($s['site']));
        printf('<tr><th><label for="cw-lang">%s</label></th><td><input id="cw-lang" name="%s[lang]" value="%s" size="4"><p class="description">%s</p></td></tr>',
            esc_html__('Language', 'comments-widget'), COMMENTS_WIDGET_OPTION, esc_attr($s['lang']),
            esc_html__('en, de, fr, es, ru, uk, ko or ar; empty follows the site language.', 'comments-widget'));
        echo '</table>';
        submit_button();
        echo '</form></div>';
    });
});
