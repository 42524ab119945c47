package org.sectormap.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Pages reach the response as bytes. Thymeleaf renders a whole page into a string first
 * ({@code produce-partial-output-while-processing=false}) and hands it to the response's writer,
 * where Tomcat copied it into a buffer of chars, widening each byte of the string, and encoded the
 * chars back into bytes: about 8 % of the list page's CPU (JFR). The string's own encoding is one copy
 * for a page of ASCII text, which the templates keep to (PageTextTests).
 */
@Configuration(proxyBeanMethods = false)
class PageBytes {

    @Bean
    static BeanPostProcessor pagesAsBytes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setViewClass(View.class);
                }
                return bean;
            }
        };
    }

    /** Thymeleaf's view, given a response whose writer encodes each string it is handed at once. */
    static class View extends ThymeleafView {

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            super.render(model, request, new Encoding(response));
        }
    }

    private static final class Encoding extends HttpServletResponseWrapper {

        private PrintWriter writer;

        Encoding(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new Bytes(getOutputStream(), Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }
    }

    private static final class Bytes extends Writer {

        private final OutputStream out;
        private final Charset charset;

        Bytes(OutputStream out, Charset charset) {
            this.out = out;
            this.charset = charset;
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            String part = offset == 0 && length == text.length() ? text : text.substring(offset, offset + length);
            out.write(part.getBytes(charset));
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            write(new String(chars, offset, length), 0, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
