<?php
// comments_template() for classic themes: the widget in place of the theme's comments.php.
if (!defined('ABSPATH')) {
    exit;
}
echo comments_widget_markup(); // phpcs:ignore WordPress.Security.EscapeOutput -- escaped in comments_widget_markup
