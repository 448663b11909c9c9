package com.coursedesk.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads a screen: {@code X.fxml} next to its view class {@code X} in the resources (the view
 * {@code com.coursedesk.ui.login.LoginView} has {@code /com/coursedesk/ui/login/LoginView.fxml}),
 * with the app's texts for {@code %key} and a controller built by the composition root.
 *
 * <p>The controller factory is how views get their view-models: the composition root maps a
 * view class to a constructor call ({@code LoginView.class → new LoginView(loginViewModel)}),
 * so nothing is injected into fields and a view cannot reach services on its own.
 */
public final class ViewLoader {

    private final Messages messages;
    private final Function<Class<?>, Object> controllerFactory;

    /**
     * @param controllerFactory builds the controller named by an FXML file's
     *                          {@code fx:controller}; it must return an instance of that class
     */
    public ViewLoader(Messages messages, Function<Class<?>, Object> controllerFactory) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.controllerFactory = Objects.requireNonNull(controllerFactory, "controllerFactory");
    }

    /** The FXML file of {@code viewClass}, or an exception naming where it was looked for. */
    public static URL fxmlOf(Class<?> viewClass) {
        String name = viewClass.getSimpleName() + ".fxml";
        URL url = viewClass.getResource(name);
        if (url == null) {
            throw new IllegalStateException("No FXML for " + viewClass.getName() + ": expected /"
                    + viewClass.getPackageName().replace('.', '/') + "/" + name + " in the resources");
        }
        return url;
    }

    /**
     * Loads the FXML of {@code viewClass}; its {@code fx:controller} must be {@code viewClass}.
     *
     * @throws UncheckedIOException  if the FXML cannot be read or is invalid (a bug: every FXML
     *                               file is loaded by {@code FxmlLoadTest})
     * @throws IllegalStateException if the file is missing or names another controller
     */
    public <C> LoadedView<C> load(Class<C> viewClass) {
        return load(fxmlOf(viewClass), viewClass);
    }

    /** Loads the FXML at {@code location}, whose controller must be a {@code controllerType}. */
    public <C> LoadedView<C> load(URL location, Class<C> controllerType) {
        FXMLLoader loader = new FXMLLoader(location, messages.bundle());
        loader.setControllerFactory(type -> {
            Object controller = controllerFactory.apply(type);
            if (!type.isInstance(controller)) {
                throw new IllegalStateException("The controller factory built "
                        + (controller == null ? "nothing" : controller.getClass().getName())
                        + " for " + type.getName());
            }
            return controller;
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + location, e);
        }
        Object controller = loader.getController();
        if (!controllerType.isInstance(controller)) {
            throw new IllegalStateException(location + " has controller "
                    + (controller == null ? "none" : controller.getClass().getName())
                    + ", expected " + controllerType.getName());
        }
        return new LoadedView<>(root, controllerType.cast(controller));
    }

    /** A loaded screen: its scene-graph root and its controller (the {@code XView}). */
    public record LoadedView<C>(Parent root, C controller) {
    }
}
